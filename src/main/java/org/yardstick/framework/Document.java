package org.yardstick.framework;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.yardstick.shared.LocalizedText;

/**
 * A source document (来源文件): a plan, an opinion, a review or a news report that figures are
 * taken from.
 *
 * @param reference the original's file name or address, if known
 */
public record Document(
        long id, String code, LocalizedText title, LocalizedText issuer, @Nullable LocalDate issued, DocumentKind kind,
        @Nullable String reference) {}
