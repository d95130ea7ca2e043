package org.dragonflyclient.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;

/**
 * What the starter reaches by reflection, for Spring AOT and GraalVM native images (registered in
 * {@code META-INF/spring/aot.factories}):
 *
 * <ul>
 * <li>binding of {@link DragonflyProperties} and its nested groups (Spring Boot also derives this
 * from {@code @EnableConfigurationProperties}; it is stated here so that it does not depend on how
 * the properties are bound);</li>
 * <li>the Jackson 3 mapper class, looked up by name to decide whether {@code serializer: json} can
 * work;</li>
 * <li>the JDK value types the cache stores out of the box: Java serialization for the {@code jdk}
 * serializer, and the class by name plus public constructors for the {@code json} serializer, which
 * records type names such as {@code ["java.lang.Long",5]} and resolves them when reading.</li>
 * </ul>
 *
 * <p>The application's own cached classes are the application's to register (for example with
 * {@code @RegisterReflectionForBinding} for {@code json}, or serialization hints for {@code jdk}),
 * as are the classes of cache keys that rely on their own {@code toString()}.
 */
public final class DragonflyRuntimeHints implements RuntimeHintsRegistrar {

    /**
     * Value types the cache stores without any application class: the common part of the
     * serializers' allow-list. {@code List.of}, {@code Set.of} and {@code Map.of} are written as
     * {@code java.util.CollSer}, every {@code java.time} value as {@code java.time.Ser}; the arrays
     * are those the collections and {@code BigDecimal} write inside their own form.
     */
    static final List<String> JDK_VALUE_TYPES = List.of(
            "java.lang.String",
            "java.lang.Number",
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Character",
            "java.math.BigInteger",
            "java.math.BigDecimal",
            "java.util.UUID",
            "java.util.Date",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.CollSer",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN",
            "java.time.Ser",
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime",
            "java.time.Duration",
            "java.lang.Object[]",
            "java.util.Map$Entry[]",
            "byte[]");

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        BindableRuntimeHintsRegistrar.forTypes(DragonflyProperties.class).registerHints(hints, classLoader);
        hints.reflection().registerTypeIfPresent(classLoader, CacheSerializers.JACKSON_MAPPER);
        for (String name : JDK_VALUE_TYPES) {
            TypeReference type = TypeReference.of(name);
            hints.serialization().registerType(type);
            if (!name.endsWith("[]")) {
                hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
            }
        }
    }
}
