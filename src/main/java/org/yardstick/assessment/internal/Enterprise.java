package org.yardstick.assessment.internal;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise that assesses itself (参评企业).
 *
 * @param creditCode its 统一社会信用代码 (GB 32100), check character verified
 * @param organisationCode the platform organisation whose enterprise accounts answer for it
 * @param regionCode the county (区县) it is registered in
 * @param industryCode its industry, a GB/T 4754-2017 section letter or 2–4 digit code
 * @param aboveScale whether it is 规模以上 (above the statistical size threshold)
 * @param sizeStated whether the size class is only as stated (figures missing); else derived by the NBS 2017 rule
 */
public record Enterprise(
        long id, String creditCode, String name, @Nullable String organisationCode, String regionCode,
        String industryCode, SizeClass sizeClass, boolean aboveScale, boolean sizeStated) {}
