package org.dragonflyclient.spring.cache;

import java.util.Arrays;

/** See {@link CacheKeyConverter#defaults()}. */
final class DefaultCacheKeyConverter implements CacheKeyConverter {

    static final DefaultCacheKeyConverter INSTANCE = new DefaultCacheKeyConverter();

    /** Whether a class declares its own {@code toString()}, looked up once per class. */
    private static final ClassValue<Boolean> OVERRIDES_TO_STRING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("toString").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    };

    private DefaultCacheKeyConverter() {}

    @Override
    public String convert(Object key) {
        if (key instanceof String text) {
            return text;
        }
        if (key instanceof Enum<?> constant) {
            return constant.name();
        }
        if (key instanceof Object[] array) {
            return Arrays.deepToString(array);
        }
        if (key.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {key});
        }
        if (OVERRIDES_TO_STRING.get(key.getClass())) {
            return key.toString();
        }
        throw new IllegalArgumentException("A key of type " + key.getClass().getName()
                + " does not override toString(), so equal keys would not map to the same entry. Override "
                + "toString() (it must identify the key), use a key expression such as @Cacheable(key = \"#p0.id\"), "
                + "or register a CacheKeyConverter bean");
    }
}
