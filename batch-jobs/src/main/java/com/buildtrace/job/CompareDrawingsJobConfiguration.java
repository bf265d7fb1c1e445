package com.buildtrace.job;

import com.buildtrace.comparison.ComparisonStore;
import com.buildtrace.metrics.BuildTraceMetrics;
import com.buildtrace.partition.WorkerLauncher;
import com.buildtrace.partition.WorkerPartitionHandler;
import com.buildtrace.partition.WorkerProperties;
import com.buildtrace.summary.SummaryService;
import com.buildtrace.summary.SummaryStore;
import java.util.UUID;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code compareDrawingsJob}: ingestStep, pairSheetsStep, compareSheetsStep (one partition per sheet task,
 * run by {@code compareSheetPairStep} wherever the configured {@link WorkerLauncher} puts it), summarizeStep,
 * finalizeStep. The comparison id is the only identifying parameter: starting a comparison that failed or was
 * killed resumes it, and the partitions that completed are not run again.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JobProperties.class, WorkerProperties.class})
public class CompareDrawingsJobConfiguration {

    /**
     * Engine threads of this process: as configured, else one per core; never fewer than the partitions this
     * process runs at once (in-process mode), so that each of them has a thread for its helper work. The
     * engine's threads are shared: a partition running alone uses them all.
     */
    static int threads(JobProperties properties, WorkerProperties workers) {
        int threads = properties.threads() > 0 ? properties.threads() : Runtime.getRuntime().availableProcessors();
        return workers.mode() == WorkerProperties.Mode.IN_PROCESS ? Math.max(threads, workers.count()) : threads;
    }

    @Bean
    Job compareDrawingsJob(JobRepository repository, @Qualifier("ingestStep") Step ingest,
                           @Qualifier("pairSheetsStep") Step pair, @Qualifier("compareSheetsStep") Step compare,
                           @Qualifier("summarizeStep") Step summarize, @Qualifier("finalizeStep") Step finalize,
                           ComparisonStore store, Engines engines, ComparisonFiles files, BuildTraceMetrics metrics) {
        return new JobBuilder(JobKeys.JOB, repository).start(ingest).next(pair).next(compare).next(summarize)
                .next(finalize).listener(new ComparisonJobListener(store, engines, files, metrics)).build();
    }

    /**
     * {@code retrySheetsJob}: computes the given sheet tasks of a finished comparison again (a sheet that
     * failed, once its file is fixed), then writes the summary, result.json and report anew.
     */
    @Bean
    Job retrySheetsJob(JobRepository repository, @Qualifier("compareSheetsStep") Step compare,
                       @Qualifier("summarizeStep") Step summarize, @Qualifier("finalizeStep") Step finalize,
                       ComparisonStore store, Engines engines, ComparisonFiles files, BuildTraceMetrics metrics) {
        return new JobBuilder(JobKeys.RETRY_JOB, repository).start(compare).next(summarize).next(finalize)
                .listener(new ComparisonJobListener(store, engines, files, metrics)).build();
    }

    @Bean
    Step ingestStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tx,
                    Engines engines, ComparisonStore store, ComparisonFiles files, JobProperties properties,
                    WorkerProperties workers) {
        return new StepBuilder(JobKeys.INGEST_STEP, repository)
                .tasklet(new IngestTasklet(engines, store, files, threads(properties, workers)), tx).build();
    }

    @Bean
    Step pairSheetsStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tx,
                        Engines engines, ComparisonStore store, ComparisonFiles files, JobProperties properties,
                        WorkerProperties workers) {
        return new StepBuilder(JobKeys.PAIR_STEP, repository)
                .tasklet(new PairSheetsTasklet(engines, store, files, threads(properties, workers)), tx).build();
    }

    /** The worker step: one sheet task. Also what worker processes, pods and Cloud Run tasks execute. */
    @Bean
    Step compareSheetPairStep(JobRepository repository,
                              @Qualifier("transactionManager") PlatformTransactionManager tx, Engines engines,
                              ComparisonStore store, ComparisonFiles files, JobProperties properties,
                              WorkerProperties workers, BuildTraceMetrics metrics) {
        return new StepBuilder(JobKeys.WORKER_STEP, repository)
                .tasklet(new CompareSheetPairTasklet(engines, store, files, threads(properties, workers), metrics), tx)
                .build();
    }

    @Bean
    @StepScope
    SheetTaskPartitioner sheetTaskPartitioner(ComparisonStore store,
                                              @Value("#{jobParameters['comparisonId']}") String comparisonId,
                                              @Value("#{jobParameters['" + JobKeys.TASKS + "']}") String tasks) {
        return new SheetTaskPartitioner(store, UUID.fromString(comparisonId), SheetTaskPartitioner.parseTasks(tasks));
    }

    @Bean
    Step compareSheetsStep(JobRepository repository, SheetTaskPartitioner partitioner,
                           @Qualifier("compareSheetPairStep") Step worker, PartitionHandler partitionHandler) {
        return new StepBuilder(JobKeys.MANAGER_STEP, repository).partitioner(JobKeys.WORKER_STEP, partitioner)
                .step(worker).partitionHandler(partitionHandler).build();
    }

    @Bean
    PartitionHandler partitionHandler(JobRepository repository, WorkerProperties workers, WorkerLauncher launcher) {
        return new WorkerPartitionHandler(repository, launcher, workers.pollInterval(), workers.timeout());
    }

    @Bean
    Step summarizeStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tx,
                       SummaryService summaries, BuildTraceMetrics metrics) {
        return new StepBuilder(JobKeys.SUMMARIZE_STEP, repository)
                .tasklet(new SummarizeTasklet(summaries, metrics), tx)
                .allowStartIfComplete(true).build();
    }

    @Bean
    Step finalizeStep(JobRepository repository, @Qualifier("transactionManager") PlatformTransactionManager tx,
                      ComparisonStore store, ComparisonFiles files, JobProperties properties,
                      WorkerProperties workers, SummaryStore summaries) {
        return new StepBuilder(JobKeys.FINALIZE_STEP, repository)
                .tasklet(new FinalizeTasklet(store, files, threads(properties, workers), version(), summaries), tx)
                .allowStartIfComplete(true).build();
    }

    /** The version written into result.json: the jar's. */
    static String version() {
        String v = CompareDrawingsJobConfiguration.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
