package com.buildtrace.job;

import com.buildtrace.compare.CompareOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What to compare: the job's parameters in typed form.
 *
 * @param comparisonId identifies the comparison (and the job instance)
 * @param oldUri the old set (a file path or file: URI)
 * @param newUri the new set
 * @param outUri where results go
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
                .toJobParameters();
    }

    /** The request a job execution was started with; threads are this process's. */
    public static JobRequest of(JobParameters p, int threads) {
        CompareOptions options = new CompareOptions(p.getDouble(JobKeys.DPI), threads,
                p.getLong(JobKeys.BAND_MEGAPIXELS).intValue(), Boolean.parseBoolean(p.getString(JobKeys.FULL_IMAGES)));
        return new JobRequest(UUID.fromString(p.getString(JobKeys.COMPARISON_ID)), p.getString(JobKeys.OLD_URI),
                p.getString(JobKeys.NEW_URI), p.getString(JobKeys.OUT_URI), options);
    }

    /** A path from a file path or a file: URI (object storage comes with the storage work). */
    public static Path path(String uri) {
        if (uri.startsWith("file:")) {
            return Path.of(URI.create(uri));
        }
        if (uri.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            throw new IllegalArgumentException("only local files are supported so far: " + uri);
        }
        return Path.of(uri);
    }

    /** Options as JSON, for the comparison record. */
    public String optionsJson() {
        return String.format(java.util.Locale.ROOT, "{\"dpi\": %s, \"bandMegapixels\": %d, \"fullImages\": %s}",
                options.dpi(), options.bandMegapixels(), options.fullImages());
    }
}
