package org.yardstick.assessment.engine;

import org.yardstick.shared.ProblemKind;

/** What can be wrong with a questionnaire file, an enterprise's registration or its answers. */
public enum AssessmentProblem implements ProblemKind {
    CREDIT_CODE_LENGTH("assessment.credit-code-length", "must be 18 characters (统一社会信用代码, GB 32100)"),
    CREDIT_CODE_CHARACTER("assessment.credit-code-character",
            "may only contain digits and the capital letters A–Y without I, O, S, V, Z"),
    CREDIT_CODE_CHECK("assessment.credit-code-check", "has a wrong check character: it should end in {0}"),
    CREDIT_CODE_TAKEN("assessment.credit-code-taken", "is already registered for another enterprise"),
    ALREADY_REGISTERED("assessment.already-registered", "this organisation has already registered its enterprise"),
    REQUIRED("assessment.required", "is required"),
    TOO_LONG("assessment.too-long", "is longer than {0} characters"),
    BAD_INDUSTRY("assessment.bad-industry", "is not a GB/T 4754-2017 code: a letter section (A–T) or 2 to 4 digits"),
    BAD_REGION("assessment.bad-region", "is not a county (区县) of the platform inside your region"),
    WEIGHTS_SUM("assessment.weights-sum", "weights add up to {0}, not 100"),
    WEIGHT_RANGE("assessment.weight-range", "must be more than 0 and at most 100"),
    POINTS_RANGE("assessment.points-range", "must be from 0 to 100"),
    DUPLICATE_CODE("assessment.duplicate-code", "the code {0} is used twice"),
    TOO_FEW_OPTIONS("assessment.too-few-options", "needs at least two options"),
    OPTIONS_NOT_ALLOWED("assessment.options-not-allowed", "only choice questions have options"),
    UNIT_REQUIRED("assessment.unit-required", "a number question needs a unit"),
    CAP_POSITIVE("assessment.cap-positive", "the cap must be more than 0"),
    STAGES_ORDER("assessment.stages-order", "the stages must be, in this order: {0}"),
    STAGES_GAP("assessment.stages-gap", "starts at {0} but the previous stage ends at {1}: stages may neither overlap nor leave a gap"),
    STAGES_RANGE("assessment.stages-range", "the stages must cover 0 to 100, they cover {0} to {1}"),
    UNKNOWN_QUESTION("assessment.unknown-question", "is not a question of this questionnaire"),
    NOT_AN_OPTION("assessment.not-an-option", "is not one of the allowed answers: {0}"),
    NOT_A_NUMBER("assessment.not-a-number", "is not a number"),
    NEGATIVE("assessment.negative", "may not be negative"),
    WRONG_UNIT("assessment.wrong-unit", "is given in {0}, the question asks for {1}"),
    NOT_YES_NO("assessment.not-yes-no", "must be yes or no"),
    UNANSWERED("assessment.unanswered", "has no answer yet; every question must be answered before submitting"),
    NOT_EDITABLE("assessment.not-editable", "the assessment is {0}; only a draft or a returned one can be changed"),
    NOT_SUBMITTED("assessment.not-submitted", "the assessment is {0}; only a submitted one can be returned"),
    NO_ENTERPRISE("assessment.no-enterprise", "your organisation has not registered its enterprise yet"),
    // bulk import and size rule (assess-a)
    OUTSIDE_REGION("assessment.outside-region", "is outside your region {0}: you may only import enterprises of your own region"),
    SIZE_REQUIRED("assessment.size-required",
            "give the size class, or the employees and revenue (and total assets where the NBS 2017 rule asks) to derive it"),
    DUPLICATE_ROW("assessment.duplicate-row", "the enterprise is already in row {0} of this file"),
    IMPORT_HEADER("assessment.import-header", "the first row must name the questionnaire and its version: questionnaire, code, version"),
    IMPORT_VERSION("assessment.import-version", "no questionnaire {0} version {1} is stored; download the template again"),
    MISSING_COLUMN("assessment.missing-column", "the column {0} is missing"),
    UNKNOWN_COLUMN("assessment.unknown-column", "is neither an enterprise field nor a question of this questionnaire"),
    NO_ROWS("assessment.no-rows", "the file has no enterprise rows"),
    VERSION_NOT_NEWER("assessment.version-not-newer", "must be above the newest stored version of {0}, which is {1}"),
    ALREADY_SUBMITTED("assessment.already-submitted", "the enterprise has already submitted under this version; the region''s reviewer must return it first"),
    // per-industry variants (asmui)
    UNKNOWN_INDUSTRY("assessment.unknown-industry",
            "{0} is not a GB/T 4754-2017 section (A–T) or division (01–97, optionally with 3rd and 4th digits)"),
    INDUSTRY_TWICE("assessment.industry-twice", "the industry {0} is already in the variant {1}"),
    VARIANT_NO_QUESTION("assessment.variant-no-question", "the questionnaire has no question {0} to remove or re-weight"),
    VARIANT_NO_DIMENSION("assessment.variant-no-dimension", "the questionnaire has no dimension {0}"),
    VARIANT_WEIGHTS_SUM("assessment.variant-weights-sum",
            "in this variant the question weights of dimension {0} add up to {1}, not 100");

    private final String key;
    private final String template;

    AssessmentProblem(String key, String template) {
        this.key = key;
        this.template = template;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String template() {
        return template;
    }
}
