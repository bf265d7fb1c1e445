package com.buildtrace.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code infra/image/write-image-tar.sh}, which writes the base image of the offline image build as a tarball of
 * {@code docker save}'s format for Jib: every file named by its SHA-256 as the format requires, the layer's owners,
 * modes and links kept, and the same bytes from the same folder. (The base itself, built with debootstrap, and the
 * image Jib makes on it are checked by {@code mvn -Pimage verify}: infra/README.md.)
 */
class ImageTarballTests {

    static final Path SCRIPT = Path.of("..", "infra", "image", "write-image-tar.sh");

    private static final JsonMapper JSON = JsonMapper.shared();

    /** 2023-11-14T22:13:20Z. */
    private static final String EPOCH = "1700000000";

    @TempDir
    Path dir;

    @Test
    void writesAOneLayerImageOfDockerSaveFormatNamedByDigests() throws Exception {
        Path rootfs = rootfs();
        Path out = dir.resolve("out").resolve("base.tar");

        Result r = run(rootfs, out, "PATH=/usr/bin:/bin", "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64");

        assertThat(r.exit()).as(r.out()).isZero();
        Map<String, byte[]> files = entries(out);
        assertThat(files).containsOnlyKeys("manifest.json", configName(files), layerName(files));
        JsonNode manifest = JSON.readTree(files.get("manifest.json")).get(0);
        byte[] config = files.get(manifest.get("Config").asString());
        byte[] layer = files.get(manifest.get("Layers").get(0).asString());
        // the configuration's digest is the image id; the layer's is its diff_id
        assertThat(manifest.get("Config").asString()).isEqualTo(sha256(config) + ".json");
        assertThat(r.out().strip()).isEqualTo("sha256:" + sha256(config));
        assertThat(manifest.get("Layers").get(0).asString()).isEqualTo(sha256(layer) + "/layer.tar");
        assertThat(manifest.get("RepoTags").get(0).asString()).isEqualTo("buildtrace-base:test");
        JsonNode image = JSON.readTree(config);
        assertThat(image.at("/rootfs/diff_ids/0").asString()).isEqualTo("sha256:" + sha256(layer));
        assertThat(image.get("architecture").asString()).isEqualTo("amd64");
        assertThat(image.get("os").asString()).isEqualTo("linux");
        assertThat(image.get("created").asString()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(image.at("/config/Env")).extracting(JsonNode::asString)
                .containsExactly("PATH=/usr/bin:/bin", "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64");
        assertThat(image.at("/history/0/created_by").asString()).isEqualTo("a test root file system");
    }

    @Test
    void theLayerKeepsModesAndLinksWithNamesAsRegistriesHaveThem() throws Exception {
        Path out = dir.resolve("base.tar");
        assertThat(run(rootfs(), out).exit()).isZero();

        Map<String, TarArchiveEntry> layer = new LinkedHashMap<>();
        Map<String, byte[]> files = entries(out);
        try (TarArchiveInputStream in = new TarArchiveInputStream(new java.io.ByteArrayInputStream(
                files.get(layerName(files))))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                layer.put(e.getName(), e);
            }
        }

        assertThat(layer.keySet()).containsExactly("bin/", "bin/java", "etc/", "etc/hosts", "tmp/", "usr/",
                "usr/bin/", "usr/bin/java");
        assertThat(layer.get("bin/java").getMode() & 07777).isEqualTo(0755);
        assertThat(layer.get("etc/hosts").getMode() & 07777).isEqualTo(0644);
        assertThat(layer.get("tmp/").getMode() & 07777).isEqualTo(01777);
        assertThat(layer.get("usr/bin/java").isSymbolicLink()).isTrue();
        assertThat(layer.get("usr/bin/java").getLinkName()).isEqualTo("../../bin/java");
        // no time after SOURCE_DATE_EPOCH
        assertThat(layer.values()).allSatisfy(e -> assertThat(e.getModTime().getTime() / 1000)
                .isLessThanOrEqualTo(Long.parseLong(EPOCH)));
    }

    @Test
    void theSameFolderGivesTheSameBytes() throws Exception {
        Path rootfs = rootfs();
        Path first = dir.resolve("first.tar");
        Path second = dir.resolve("second.tar");

        assertThat(run(rootfs, first).exit()).isZero();
        assertThat(run(rootfs, second).exit()).isZero();

        assertThat(sha256(Files.readAllBytes(second))).isEqualTo(sha256(Files.readAllBytes(first)));
    }

    @Test
    void refusesWhatIsNotARootFileSystemOrAnEnvironmentEntry() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        Result noFolder = run(dir.resolve("missing"), dir.resolve("a.tar"));
        Result nothing = run(empty, dir.resolve("b.tar"));
        Result badEnv = run(rootfs(), dir.resolve("c.tar"), "JAVA_HOME");

        assertThat(noFolder.exit()).isEqualTo(1);
        assertThat(noFolder.out().strip()).isEqualTo("write-image-tar.sh: " + dir.resolve("missing") + " is not a folder");
        assertThat(nothing.out().strip()).isEqualTo("write-image-tar.sh: " + empty + " is empty");
        assertThat(badEnv.out().strip())
                .isEqualTo("write-image-tar.sh: environment entries are NAME=VALUE, not 'JAVA_HOME'");
        assertThat(dir.resolve("c.tar")).doesNotExist();
    }

    /** A root file system in miniature: an executable, a configuration file, the sticky /tmp, a relative link. */
    private Path rootfs() throws IOException, InterruptedException {
        Path root = dir.resolve("rootfs");
        if (Files.exists(root)) {
            return root;
        }
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("usr/bin"));
        Path java = Files.writeString(root.resolve("bin/java"), "#!/bin/sh\necho java\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path hosts = Files.writeString(root.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n");
        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r--r--"));
        Path tmp = Files.createDirectory(root.resolve("tmp"));
        // the sticky bit is not a PosixFilePermission
        assertThat(new ProcessBuilder("chmod", "1777", tmp.toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(root.resolve("usr/bin/java"), Path.of("../../bin/java"));
        return root;
    }

    private record Result(int exit, String out) {
    }

    private static Result run(Path rootfs, Path out, String... env) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh", SCRIPT.toString(), rootfs.toString(),
                out.toString()));
        command.addAll(List.of(env));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SOURCE_DATE_EPOCH", EPOCH);
        pb.environment().put("BUILDTRACE_IMAGE_TAG", "buildtrace-base:test");
        pb.environment().put("BUILDTRACE_IMAGE_HISTORY", "a test root file system");
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), text);
    }

    /** The files of a tar, by name. */
    private static Map<String, byte[]> entries(Path tar) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(tar); TarArchiveInputStream in = new TarArchiveInputStream(file)) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isFile()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    files.put(e.getName(), bytes.toByteArray());
                }
            }
        }
        return files;
    }

    private static String configName(Map<String, byte[]> files) {
        return files.keySet().stream().filter(n -> n.endsWith(".json") && !n.equals("manifest.json")).findFirst()
                .orElseThrow();
    }

    private static String layerName(Map<String, byte[]> files) {
        return files.keySet().stream().filter(n -> n.endsWith("/layer.tar")).findFirst().orElseThrow();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
