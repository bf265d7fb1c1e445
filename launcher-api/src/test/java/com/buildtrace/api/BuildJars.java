package com.buildtrace.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jars of this build as the container image and {@code bin/buildtrace} run them, made from what the build
 * has: the runtime classpath ({@code target/image-classpath.txt}), where a module of this build may still be a
 * folder of classes.
 */
final class BuildJars {

    private BuildJars() {
    }

    /** The runtime classpath of the API, in order: jars, and class folders of this build's modules. */
    static List<Path> runtimeClasspath() throws IOException {
        return Arrays.stream(Files.readString(Path.of("target", "image-classpath.txt")).strip().split(":"))
                .map(Path::of).toList();
    }

    /** The module a class folder ({@code .../batch-jobs/target/classes}) belongs to. */
    static String module(Path classes) {
        return classes.getParent().getParent().getFileName().toString();
    }

    /** The version of this build ({@code build-info.properties}). */
    static String version() throws IOException {
        Properties build = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "META-INF", "build-info.properties"))) {
            build.load(in);
        }
        return build.getProperty("build.version");
    }

    /** A manifest with this build's version and these main attributes (name, value, ...). */
    static Manifest manifest(String... attributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version());
        for (int i = 0; i < attributes.length; i += 2) {
            manifest.getMainAttributes().putValue(attributes[i], attributes[i + 1]);
        }
        return manifest;
    }

    /** Packs a folder of classes into a jar, as Maven or Jib would. */
    static void jar(Path classes, Path jar, Manifest manifest) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
