/**
 * The batch job {@code compareDrawingsJob}: ingest (read both sets, identify sheets), pair sheets, compare
 * every sheet task in its own partition ({@code compareSheetsStep} / {@code compareSheetPairStep}),
 * summarize, finalize (result.json, report). The steps are thin adapters over the engine
 * ({@link com.buildtrace.compare.ComparisonEngine}) and the comparison store.
 */
package com.buildtrace.job;
