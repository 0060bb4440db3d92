package org.yardstick.observation;

import java.util.List;

/**
 * A validation of proposed figures (数据校验). Every bean implementing it is asked at entry, at import
 * and at submission; findings of severity ERROR stop the change.
 */
public interface FigureCheck {

    List<Finding> check(Proposal proposal);
}
