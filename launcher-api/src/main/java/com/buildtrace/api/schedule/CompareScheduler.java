package com.buildtrace.api.schedule;

import com.buildtrace.api.comparison.ComparisonService;
import com.buildtrace.api.drawingset.DrawingSetRepository;
import com.buildtrace.api.project.ProjectRepository;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares the latest two revisions of each drawing set of a project when its schedule comes due, as the
 * project's owner (its creator while still an owner). Safe with
 * several API processes: a project being handled is locked ({@code FOR UPDATE SKIP LOCKED}) and a pair of
 * revisions is compared once whatever launches it.
 */
@Component
public class CompareScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CompareScheduler.class);

    private final ProjectRepository projects;

    private final DrawingSetRepository revisions;

    private final ComparisonService comparisons;

    private final TransactionTemplate tx;

    private final ZoneId zone;

    CompareScheduler(ProjectRepository projects, DrawingSetRepository revisions, ComparisonService comparisons,
                     @Qualifier("transactionManager") PlatformTransactionManager tx,
                     SchedulerProperties properties) {
        this.projects = projects;
        this.revisions = revisions;
        this.comparisons = comparisons;
        this.tx = new TransactionTemplate(tx);
        this.zone = properties.zone();
    }

    /** Runs every schedule that came due (called by this process's scheduler every minute). */
    @Scheduled(fixedDelayString = "${buildtrace.schedule.check-every:60s}",
            initialDelayString = "${buildtrace.schedule.check-every:60s}")
    void tick() {
        runDue(OffsetDateTime.now());
    }

    /**
     * Runs the schedules that came due by {@code now}.
     *
     * @return the comparisons launched
     */
    public List<UUID> runDue(OffsetDateTime now) {
        List<UUID> launched = new ArrayList<>();
        for (ProjectRepository.Scheduled p : projects.scheduled()) {
            try {
                List<UUID> ids = tx.execute(status -> runIfDue(p.id(), now));
                if (ids != null) {
                    launched.addAll(ids);
                }
            } catch (RuntimeException e) {
                LOG.error("scheduled comparisons of project {} failed", p.id(), e);
            }
        }
        return launched;
    }

    private List<UUID> runIfDue(UUID project, OffsetDateTime now) {
        // another process handling this project holds the lock: skip it
        ProjectRepository.Scheduled p = projects.lockScheduled(project).orElse(null);
        if (p == null || !due(p.cron(), p.since(), now)) {
            return List.of();
        }
        List<UUID> launched = new ArrayList<>();
        for (UUID[] pair : revisions.latestPairs(project)) {
            ComparisonService.Created c = comparisons.create(p.owner(), pair[0], pair[1], null, "schedule");
            if (c.created()) {
                launched.add(c.comparison().id());
            }
        }
        projects.scheduleChecked(project, now);
        LOG.info("schedule '{}' of project {}: {} comparisons launched", p.cron(), project, launched.size());
        return launched;
    }

    /** True when the cron expression has a time after {@code since} and not after {@code now}. */
    boolean due(String cron, OffsetDateTime since, OffsetDateTime now) {
        ZonedDateTime next = CronExpression.parse(cron).next(since.atZoneSameInstant(zone));
        return next != null && !next.toOffsetDateTime().isAfter(now);
    }
}
