package org.yardstick.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.jspecify.annotations.Nullable;
import org.yardstick.security.internal.AccountProblem;

/**
 * What a password typed by a person must be: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes in UTF-8 (bcrypt ignores everything after them), and hard to guess by
 * nbvcxz's estimate (a zxcvbn-style estimator with lists of
 * leaked passwords, names and words, plus the account's own name) — at least {@value #MIN_ENTROPY}
 * bits. A guessable password built mostly on a common one is reported as common. Plain Java; {@link Accounts} applies it to every password but the demo's seeded ones.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    /** bcrypt's limit: longer passwords would be silently cut, so they are refused. */
    static final int MAX_BYTES = 72;
    static final double MIN_ENTROPY = 35;
    private static final String COMMON_LIST = "passwords";

    private PasswordRules() {}

    /** What is wrong with the password, if anything: one kind with its arguments. */
    record Refusal(AccountProblem kind, List<Object> args) {}

    /**
     * Checks a password.
     *
     * @param personal words the password must not be built on: the username, the display name
     */
    static Optional<Refusal> check(String password, String... personal) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(new Refusal(AccountProblem.PASSWORD_TOO_LONG, List.of(bytes, MAX_BYTES)));
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(new Refusal(AccountProblem.WEAK_PASSWORD, List.of()));
        }
        Result result = estimator(personal).estimate(password);
        if (result.getEntropy() < MIN_ENTROPY) {
            if (isCommon(result, password)) {
                return Optional.of(new Refusal(AccountProblem.COMMON_PASSWORD, List.of()));
            }
            return Optional.of(new Refusal(AccountProblem.GUESSABLE_PASSWORD,
                    List.of((int) Math.floor(result.getEntropy()), (int) MIN_ENTROPY)));
        }
        return Optional.empty();
    }

    /** At least half of the password is one entry of the common-password list. */
    private static boolean isCommon(Result result, String password) {
        for (Match m : result.getMatches()) {
            if (m instanceof DictionaryMatch d && COMMON_LIST.equals(d.getDictionaryName())
                    && 2 * d.getToken().length() >= password.length()) {
                return true;
            }
        }
        return false;
    }

    private static Nbvcxz estimator(String... personal) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
        boolean any = false;
        for (@Nullable String word : personal) {
            if (word != null && word.strip().length() >= 3) {
                own.addWord(word.strip().toLowerCase(java.util.Locale.ROOT), 0);
                any = true;
            }
        }
        if (any) {
            dictionaries.add(own.createDictionary());
        }
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).setMinimumEntropy(MIN_ENTROPY)
                .createConfiguration());
    }
}
