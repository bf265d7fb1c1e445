package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runbooks of {@code infra/runbooks/} are all there, listed in their README, each says how to verify what it
 * did, and every file of the repository they name (scripts, manifests, migrations) exists, scripts executable:
 * a renamed script or manifest fails the build instead of a runbook in the middle of an incident.
 */
class RunbooksTests {

    static final Path ROOT = Path.of("..");
    static final Path RUNBOOKS = ROOT.resolve("infra").resolve("runbooks");

    static final List<String> EXPECTED = List.of("redeploy.md", "rollback.md", "rotate-secrets.md",
            "backup-restore.md", "failed-comparison.md", "scale-workers.md", "disaster-recovery.md",
            "notifications.md", "cloud-sql.md");

    /** A path from the repository root: one of its top folders, or a file at the root. */
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.$-])((?:infra|bin|schemas|launcher-api|batch-jobs|bench|examples|\\.github)/[\\w./-]*[\\w/]"
                    + "|cloudbuild\\.yaml)");

    private static final Pattern LINK = Pattern.compile("\\]\\(([\\w.-]+\\.md)\\)");

    @Test
    void everyRunbookIsThereAndListedInTheReadme() throws IOException {
        String readme = Files.readString(RUNBOOKS.resolve("README.md"));
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("README.md")))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED);
        }
        assertThat(EXPECTED).allSatisfy(name -> assertThat(readme).contains("[" + name + "](" + name + ")"));
    }

    @Test
    void everyRunbookGivesCommandsAndSaysHowToVerify() throws IOException {
        for (String name : EXPECTED) {
            String text = Files.readString(RUNBOOKS.resolve(name));
            assertThat(text).as(name).startsWith("# ").contains("```sh").contains("Verify");
            assertThat(text.split("```", -1).length % 2).as(name + ": code fences are closed").isEqualTo(1);
        }
    }

    @Test
    void everyFileARunbookNamesExistsAndItsScriptsAreExecutable() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            for (Path runbook : files.toList()) {
                String text = Files.readString(runbook);
                Matcher m = REPO_PATH.matcher(text);
                while (m.find()) {
                    named.add(m.group(1));
                }
                Matcher link = LINK.matcher(text);
                while (link.find()) {
                    assertThat(RUNBOOKS.resolve(link.group(1))).as(runbook + " links to").isRegularFile();
                }
            }
        }

        // built files (target/) are made by the commands before them; everything else is in the repository
        List<String> inRepository = named.stream().filter(p -> !p.contains("/target/")).toList();
        assertThat(inRepository).contains("infra/db/backup.sh", "infra/db/restore.sh", "infra/smoke-test.sh",
                "infra/kubernetes/manager-job.yaml", "cloudbuild.yaml", "bin/buildtrace",
                "schemas/src/main/resources/db/migration");
        assertThat(inRepository).allSatisfy(p -> assertThat(ROOT.resolve(p)).as(p).exists());
        assertThat(inRepository).filteredOn(p -> p.endsWith(".sh") || p.startsWith("bin/"))
                .allSatisfy(p -> assertThat(Files.isExecutable(ROOT.resolve(p))).as(p + " executable").isTrue());
    }

    @Test
    void disasterRecoveryStatesItsObjectivesAndTheRestoreOrder() throws IOException {
        String text = Files.readString(RUNBOOKS.resolve("disaster-recovery.md"));
        assertThat(text).containsPattern("\\*\\*RPO\\*\\*[^|]*\\| \\*\\*\\d+ (minutes|hours)\\*\\*")
                .containsPattern("\\*\\*RTO\\*\\*[^|]*\\| \\*\\*\\d+ (minutes|hours)\\*\\*");
        // the bucket is restored before the database: rows must not point at missing objects
        assertThat(text.indexOf("2. restore the bucket")).isPositive()
                .isLessThan(text.indexOf("3. then restore the database"));
    }
}
