/**
 * What a person reads (names, not codes; figures formatted once): {@code Names} ({@code ${@names…}} in
 * templates, and the web shell's {@link org.yardstick.web.NameLookup}), {@code Figures} (the one formatter
 * of values, units and qualifiers, {@code ${@figures…}}), {@code Provenance} (who reported and approved a
 * collected figure), {@code SinceReturn} (what changed since a submission was returned), {@code Authors}
 * (who made a change, as the viewer may see it), {@code DocumentTitles}. The shell's presentation part: every
 * module's templates may call these beans, no module's Java depends on them (decision 0054). Depends on the
 * modules that own the names; the web shell depends only on the {@code NameLookup} interface (decision 0046).
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.reading;
