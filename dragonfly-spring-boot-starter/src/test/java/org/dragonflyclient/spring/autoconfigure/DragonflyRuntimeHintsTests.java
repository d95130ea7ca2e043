package org.dragonflyclient.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

import org.dragonflyclient.spring.cache.serializer.CacheValueSerializer;
import org.dragonflyclient.spring.cache.serializer.ClassAllowList;

/**
 * The starter's runtime hints, checked with Spring's {@link RuntimeHintsPredicates}: what the
 * starter reaches by reflection or Java serialization is registered, and the list of JDK value
 * types covers the classes the {@code jdk} serializer really writes for such values.
 */
class DragonflyRuntimeHintsTests {

    private final RuntimeHints hints = hintsFor(getClass().getClassLoader());

    @Test
    void registrar_isListedInAotFactories() {
        assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
                        .load(RuntimeHintsRegistrar.class))
                .hasAtLeastOneElementOfType(DragonflyRuntimeHints.class);
    }

    @Test
    void properties_canBeBound_includingNestedGroups() {
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(DragonflyProperties.class, "setUrl"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(DragonflyProperties.Pool.class, "setSize"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onMethodInvocation(DragonflyProperties.Cache.class, "setTimeToLive"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection()
                        .onMethodInvocation(DragonflyProperties.Observation.class, "setEnabled"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(DragonflyProperties.class, "getCache"))
                .accepts(hints);
    }

    @Test
    void jacksonMapper_isRegistered_onlyWhereJacksonIsPresent() {
        TypeReference mapper = TypeReference.of(CacheSerializers.JACKSON_MAPPER);
        assertThat(RuntimeHintsPredicates.reflection().onType(mapper)).accepts(hints);
        RuntimeHints withoutJackson = hintsFor(new FilteredClassLoader("tools.jackson"));
        assertThat(RuntimeHintsPredicates.reflection().onType(mapper)).rejects(withoutJackson);
    }

    @Test
    void jdkValueTypes_areRegisteredForSerializationAndByName() throws NoSuchMethodException {
        for (String name : DragonflyRuntimeHints.JDK_VALUE_TYPES) {
            TypeReference type = TypeReference.of(name);
            assertThat(RuntimeHintsPredicates.serialization().onType(type))
                    .as(name)
                    .accepts(hints);
            if (!name.endsWith("[]")) {
                assertThat(RuntimeHintsPredicates.reflection().onType(type))
                        .as(name)
                        .accepts(hints);
            }
        }
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(ArrayList.class.getConstructor()))
                .accepts(hints);
    }

    @Test
    void jdkValueTypes_areAllOnTheSerializersAllowList() {
        ClassAllowList allowList = ClassAllowList.jdkValueTypes();
        // Arrays are checked by their component type, which is on the list.
        assertThat(DragonflyRuntimeHints.JDK_VALUE_TYPES.stream().filter(name -> !name.endsWith("[]")))
                .allSatisfy(name -> assertThat(allowList.isAllowed(name))
                        .as("%s is registered but the serializers refuse it", name)
                        .isTrue());
    }

    @Test
    void everyClassTheJdkSerializerWritesForCommonValues_isRegisteredForSerialization() throws Exception {
        CacheValueSerializer jdk = CacheValueSerializer.jdk(
                ClassAllowList.jdkValueTypes(), getClass().getClassLoader());
        List<Object> values = List.of(
                "text",
                42L,
                7,
                2.5d,
                true,
                'c',
                new BigDecimal("1.50"),
                UUID.randomUUID(),
                Instant.now(),
                LocalDate.of(2026, 12, 3),
                Duration.ofSeconds(5),
                new ArrayList<>(List.of("a", 1)),
                new HashMap<>(Map.of("k", 1L)),
                new TreeMap<>(Map.of("k", "v")),
                new LinkedHashSet<>(Set.of("a")),
                new TreeSet<>(Set.of(1, 2)),
                List.of("x", "y", "z"),
                Map.of("a", 1),
                Set.of(3));
        Set<String> missing = new TreeSet<>();
        for (Object value : values) {
            for (Class<?> written : classesIn(jdk.serialize(value))) {
                if (!RuntimeHintsPredicates.serialization().onType(written).test(hints)) {
                    missing.add(written.getName() + " (written for a "
                            + value.getClass().getName() + ")");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The classes of a Java serialization stream, as its filter sees them. */
    private static Set<Class<?>> classesIn(byte[] bytes) throws IOException, ClassNotFoundException {
        Set<Class<?>> seen = new LinkedHashSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> {
                Class<?> type = info.serialClass();
                if (type != null) {
                    seen.add(type);
                }
                return ObjectInputFilter.Status.UNDECIDED;
            });
            in.readObject();
        }
        return seen;
    }

    private static RuntimeHints hintsFor(ClassLoader classLoader) {
        RuntimeHints hints = new RuntimeHints();
        new DragonflyRuntimeHints().registerHints(hints, classLoader);
        return hints;
    }
}
