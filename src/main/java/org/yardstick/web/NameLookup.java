package org.yardstick.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The names a person reads in place of codes, as the web shell needs them for problem texts;
 * implemented by the {@code reading} module, which knows the indicators, statuses and roles. The shell
 * depends on this interface, never on the modules that own the names.
 */
public interface NameLookup {

    String indicator(@Nullable String code, Locale locale);

    String status(@Nullable String status, Locale locale);

    String role(@Nullable String role, Locale locale);
}
