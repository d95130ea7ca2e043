package org.dragonflyclient.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dragonflyclient.test.TestServer;
import org.dragonflyclient.test.WithTestServer;

/**
 * The client as a named module: {@code module-info} exports the API package and nothing else, an
 * application module that requires it compiles and talks to a real server on the module path, and
 * one that reaches into an internal package does not compile. (The other tests run on the class
 * path, where they may reach the internals they test.)
 */
@WithTestServer
class ModulePathTest {

    /** The compiled main classes, module-info included; surefire runs in the module's folder. */
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void moduleExportsTheApiPackageOnly_unqualified() {
        ModuleDescriptor module = ModuleFinder.of(CLASSES)
                .find("org.dragonflyclient.core")
                .orElseThrow()
                .descriptor();
        assertThat(module.exports()).singleElement().satisfies(exports -> {
            assertThat(exports.source()).isEqualTo("org.dragonflyclient.core");
            assertThat(exports.isQualified()).isFalse();
        });
        assertThat(module.opens()).isEmpty();
        assertThat(module.requires())
                .filteredOn(r -> r.name().equals("org.jspecify"))
                .singleElement()
                .satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void applicationModule_compilesAgainstTheApi_andRunsOnTheModulePath(TestServer server, @TempDir Path dir)
            throws Exception {
        Path out = compile(dir, """
                package app;

                import org.dragonflyclient.core.DragonflyClient;

                public class Main {
                    public static void main(String[] args) {
                        try (DragonflyClient client = DragonflyClient.create(args[0])) {
                            client.set("module-path:greeting", "hello from a module");
                            System.out.print(client.get("module-path:greeting"));
                        }
                    }
                }
                """).output;
        assertThat(out).isNotNull();

        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(
                        javaCommand,
                        "--module-path",
                        CLASSES + File.pathSeparator + out,
                        "--module",
                        "app/app.Main",
                        "redis://" + server.host() + ":" + server.port())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).isEqualTo("hello from a module");
    }

    @Test
    void applicationModule_reachingIntoInternals_doesNotCompile(@TempDir Path dir) throws Exception {
        Compilation compilation = compile(dir, """
                package app;

                import org.dragonflyclient.core.internal.client.CommandDispatcher;

                public class Main {
                    CommandDispatcher dispatcher;
                }
                """);
        assertThat(compilation.output).isNull();
        assertThat(compilation.diagnostics)
                .contains("package org.dragonflyclient.core.internal.client is declared in module "
                        + "org.dragonflyclient.core, which does not export it");
    }

    private record Compilation(Path output, String diagnostics) {}

    /** Compiles module {@code app} (one class, {@code app.Main}) against the client's module. */
    private static Compilation compile(Path dir, String mainSource) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app { requires org.dragonflyclient.core; }\n");
        Files.writeString(src.resolve("app").resolve("Main.java"), mainSource);
        Path out = dir.resolve("out");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = ToolProvider.getSystemJavaCompiler()
                .run(
                        null,
                        null,
                        diagnostics,
                        List.of(
                                        "--module-path",
                                        CLASSES.toString(),
                                        // Not the test's class path, where the internals are visible.
                                        "--class-path",
                                        dir.toString(),
                                        "-d",
                                        out.toString(),
                                        src.resolve("module-info.java").toString(),
                                        src.resolve("app").resolve("Main.java").toString())
                                .toArray(String[]::new));
        return new Compilation(status == 0 ? out : null, diagnostics.toString(StandardCharsets.UTF_8));
    }
}
