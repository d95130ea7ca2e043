package org.dragonflyclient.spring.cache.serializer;

import java.io.ObjectInputFilter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes a cache may deserialize: the JDK's value and collection types, plus the packages the
 * application names. Deserializing a value recreates objects of the classes the bytes name; a cache
 * is shared, often across services, so whoever can write to it must not be able to make every
 * reader instantiate arbitrary classes (the "gadget chains" of Java deserialization attacks).
 * Everything not listed here is refused before any of its code runs.
 *
 * <p>The built-in part covers primitives and their wrappers, {@code String}, {@code BigInteger},
 * {@code BigDecimal}, {@code java.time}, {@code UUID}, {@code Date}, {@code Locale},
 * {@code Currency}, {@code URI}, the {@code java.sql} date types and the standard collections
 * ({@code ArrayList}, {@code HashMap}, {@code TreeMap}, {@code List.of()}, unmodifiable and
 * singleton views...), and arrays of all of these. It leaves out {@code java.net.URL} (its
 * {@code hashCode} resolves host names) and every class that runs code on deserialization
 * beyond filling fields.
 *
 * <p>Immutable: each {@code allow...} method returns a new list.
 */
public final class ClassAllowList {

    /** Exact class names from the JDK that are safe to recreate. */
    private static final Set<String> JDK_CLASSES = Set.of(
            "java.lang.Object",
            "java.lang.Number",
            "java.lang.Enum",
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.lang.Character",
            "java.lang.String$CaseInsensitiveComparator",
            "java.math.BigInteger",
            "java.math.BigDecimal",
            "java.util.Map$Entry", // HashMap and HashSet check the size of their Map.Entry[] with the filter
            "java.util.UUID",
            "java.util.Date",
            "java.util.Locale",
            "java.util.Currency",
            "java.util.BitSet",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.ArrayDeque",
            "java.util.Vector",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.EnumMap",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.EnumSet",
            "java.util.RegularEnumSet",
            "java.util.JumboEnumSet",
            "java.util.EnumSet$SerializationProxy",
            "java.util.Arrays$ArrayList",
            "java.util.CollSer",
            "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$ListN",
            "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$SetN",
            "java.util.ImmutableCollections$Map1",
            "java.util.ImmutableCollections$MapN",
            "java.util.Collections$EmptyList",
            "java.util.Collections$EmptySet",
            "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList",
            "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap",
            "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet",
            "java.util.Collections$UnmodifiableSortedSet",
            "java.util.Collections$UnmodifiableNavigableSet",
            "java.util.Collections$UnmodifiableMap",
            "java.util.Collections$UnmodifiableSortedMap",
            "java.util.Collections$UnmodifiableNavigableMap",
            "java.util.Collections$ReverseComparator",
            "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentHashMap$Segment",
            "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.ConcurrentSkipListMap",
            "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.concurrent.atomic.AtomicInteger",
            "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicBoolean",
            "java.net.URI",
            "java.sql.Date",
            "java.sql.Time",
            "java.sql.Timestamp");

    /** JDK packages whose every class is a value type serialized through a proxy. */
    private static final List<String> JDK_PACKAGES = List.of("java.time.");

    private static final ClassAllowList JDK_VALUE_TYPES = new ClassAllowList(Set.of(), false);

    private final Set<String> packages;
    private final boolean allowAll;

    private ClassAllowList(Set<String> packages, boolean allowAll) {
        this.packages = packages;
        this.allowAll = allowAll;
    }

    /**
     * Returns the built-in list: the JDK's value and collection types only.
     *
     * @return the list
     */
    public static ClassAllowList jdkValueTypes() {
        return JDK_VALUE_TYPES;
    }

    /**
     * Adds packages, with their sub-packages, or single classes by their fully qualified name.
     * The single entry {@code "*"} turns the check off; only do that when nobody but this
     * application can write to the server.
     *
     * @param names package names such as {@code com.example.shop}, or class names
     * @return a new list that also allows these
     * @throws IllegalArgumentException when a name is blank
     */
    public ClassAllowList allow(Collection<String> names) {
        Set<String> merged = new LinkedHashSet<>(packages);
        boolean all = allowAll;
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("An allowed package must not be blank; got " + names);
            }
            String trimmed = name.trim();
            if (trimmed.equals("*")) {
                all = true;
            } else {
                merged.add(trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            }
        }
        return new ClassAllowList(Set.copyOf(merged), all);
    }

    /**
     * Adds packages or class names.
     *
     * @param names package names or class names
     * @return a new list that also allows these
     */
    public ClassAllowList allow(String... names) {
        return allow(List.of(names));
    }

    /** @return the packages and classes added to the JDK types, in no particular order */
    public Set<String> allowedPackages() {
        return packages;
    }

    /** @return whether the check is switched off with {@code "*"} */
    public boolean allowsEverything() {
        return allowAll;
    }

    /**
     * Tells whether a class may be deserialized. Arrays are allowed when their element type is.
     *
     * @param type the class
     * @return {@code true} when allowed
     */
    public boolean isAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || isAllowed(element.getName());
    }

    /**
     * Tells whether a class may be deserialized, by name, so that a refused class is never loaded.
     * Array names in the JVM's form ({@code [Ljava.lang.String;}, {@code [I}) are understood.
     *
     * @param className the binary class name
     * @return {@code true} when allowed
     */
    public boolean isAllowed(String className) {
        String name = elementName(className);
        if (name == null) {
            return true; // an array of primitives
        }
        if (allowAll || JDK_CLASSES.contains(name)) {
            return true;
        }
        for (String prefix : JDK_PACKAGES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String allowed : packages) {
            if (name.startsWith(allowed)
                    && (name.length() == allowed.length()
                            || name.charAt(allowed.length()) == '.'
                            || name.charAt(allowed.length()) == '$')) {
                return true;
            }
        }
        return false;
    }

    /** @return the element class name of an array name, the name itself otherwise, {@code null} for primitives */
    private static String elementName(String className) {
        int dims = 0;
        while (dims < className.length() && className.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return className;
        }
        String rest = className.substring(dims);
        if (rest.startsWith("L") && rest.endsWith(";")) {
            return rest.substring(1, rest.length() - 1);
        }
        return null;
    }

    /**
     * Returns a filter for {@link java.io.ObjectInputStream#setObjectInputFilter} that rejects every
     * class not allowed here before any of its code runs (the class is resolved, not initialized).
     *
     * @return the filter
     */
    public ObjectInputFilter asObjectInputFilter() {
        return info -> {
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            return isAllowed(type) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        };
    }

    @Override
    public String toString() {
        return allowAll ? "ClassAllowList[*]" : "ClassAllowList[JDK value types + " + packages + "]";
    }
}
