package org.yardstick.framework;

/**
 * How a target stands against its figures, as the module that assesses targets tells it ({@code progress}
 * implements this): the authoring pages show each part's status without depending on that module
 * (decision 0054). The status is the assessing module's enum, shown by its own fragment.
 */
public interface TargetStanding {

    Enum<?> status(Target target);
}
