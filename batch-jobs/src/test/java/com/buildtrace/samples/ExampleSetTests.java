package com.buildtrace.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example sets shipped in examples/ are exactly what the generator draws (regenerate them if not). */
class ExampleSetTests {

    @TempDir
    Path dir;

    @Test
    void shippedExamplesMatchTheGenerator() throws IOException {
        Path shipped = Path.of("..", "examples");
        SampleSetGenerator generator = new SampleSetGenerator();

        for (SampleSetGenerator.Revision rev : SampleSetGenerator.Revision.values()) {
            String name = "clinic-rev-" + rev + ".pdf";
            generator.write(rev, dir.resolve(name));

            assertThat(Files.readAllBytes(dir.resolve(name)))
                    .as("%s differs from the generator: run 'bin/buildtrace samples --out examples'", name)
                    .isEqualTo(Files.readAllBytes(shipped.resolve(name)));
        }
    }
}
