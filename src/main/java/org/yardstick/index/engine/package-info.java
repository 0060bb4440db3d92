/**
 * The composite index engine (综合指数计算核心): the OECD/JRC pipeline of denomination, screening,
 * imputation, outlier treatment, normalisation and weighted aggregation over a tree, on columnar
 * {@code double[]} panels. Plain Java: no framework, no database.
 */
@org.jspecify.annotations.NullMarked
package org.yardstick.index.engine;
