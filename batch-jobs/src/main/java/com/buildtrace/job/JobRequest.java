package com.buildtrace.job;

import com.buildtrace.compare.CompareOptions;
import java.util.Objects;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What to compare: the job's parameters in typed form.
 *
 * @param comparisonId identifies the comparison (and the job instance)
 * @param oldUri the old set: a file or folder (path or file: URI), or an object or key prefix of the configured
 *     store ({@code gs://bucket/...}), which {@link ComparisonFiles} makes local
 * @param newUri the new set, likewise
 * @param outUri where results go: a local folder, or a key prefix of the configured store
 * @param options comparison options (threads are the process's own, not part of the request)
 */
public record JobRequest(UUID comparisonId, String oldUri, String newUri, String outUri, CompareOptions options) {

    public JobRequest {
        Objects.requireNonNull(comparisonId, "comparisonId");
        Objects.requireNonNull(oldUri, "oldUri");
        Objects.requireNonNull(newUri, "newUri");
        Objects.requireNonNull(outUri, "outUri");
        Objects.requireNonNull(options, "options");
    }

    public JobParameters toParameters() {
        return new JobParametersBuilder()
                .addString(JobKeys.COMPARISON_ID, comparisonId.toString(), true)
                .addString(JobKeys.OLD_URI, oldUri, false)
                .addString(JobKeys.NEW_URI, newUri, false)
                .addString(JobKeys.OUT_URI, outUri, false)
                .addDouble(JobKeys.DPI, options.dpi(), false)
                .addLong(JobKeys.BAND_MEGAPIXELS, (long) options.bandMegapixels(), false)
                .addString(JobKeys.FULL_IMAGES, Boolean.toString(options.fullImages()), false)
                .addString(JobKeys.TILE_PYRAMIDS, Boolean.toString(options.tilePyramids()), false)
                .toJobParameters();
    }

    /** The request a job execution was started with; threads are this process's. */
    public static JobRequest of(JobParameters p, int threads) {
        CompareOptions options = new CompareOptions(p.getDouble(JobKeys.DPI), threads,
                p.getLong(JobKeys.BAND_MEGAPIXELS).intValue(), Boolean.parseBoolean(p.getString(JobKeys.FULL_IMAGES)),
                // jobs started before the option existed made tile pyramids
                !"false".equals(p.getString(JobKeys.TILE_PYRAMIDS)));
        return new JobRequest(UUID.fromString(p.getString(JobKeys.COMPARISON_ID)), p.getString(JobKeys.OLD_URI),
                p.getString(JobKeys.NEW_URI), p.getString(JobKeys.OUT_URI), options);
    }

    /** Options as JSON, for the comparison record. */
    public String optionsJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"dpi\": %s, \"bandMegapixels\": %d, \"fullImages\": %s, \"tilePyramids\": %s}",
                options.dpi(), options.bandMegapixels(), options.fullImages(), options.tilePyramids());
    }
}
