package org.dragonflyclient.spring.cache.serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.Objects;

/**
 * Java serialization, read back through a {@link ClassAllowList}. The check runs twice: on the
 * class name before the class is even resolved, and as an {@link java.io.ObjectInputFilter} on
 * every class the stream meets (including those of nested objects), so a refused class never
 * gets to run code.
 */
final class JdkSerializer implements CacheValueSerializer {

    private final ClassAllowList allowList;
    private final ClassLoader classLoader;

    JdkSerializer(ClassAllowList allowList, ClassLoader classLoader) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.classLoader = classLoader != null ? classLoader : JdkSerializer.class.getClassLoader();
    }

    @Override
    public byte[] serialize(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (NotSerializableException e) {
            throw new ValueSerializationException(
                    "Cannot store a " + value.getClass().getName()
                            + " with the jdk serializer: " + e.getMessage()
                            + " does not implement java.io.Serializable. "
                            + "Make it Serializable, or choose serializer json for this cache",
                    e);
        } catch (IOException e) {
            throw new ValueSerializationException(
                    "Cannot serialize a " + value.getClass().getName() + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object deserialize(byte[] bytes) {
        AllowListObjectInputStream in = null;
        try {
            in = new AllowListObjectInputStream(new ByteArrayInputStream(bytes));
            return in.readObject();
        } catch (InvalidClassException e) {
            String refused = in != null ? in.refused : null;
            throw new ValueSerializationException(
                    (refused != null
                                    ? "Refused class " + refused + " (not in the deserialization allow-list)"
                                    : "Refused or changed class: " + e.getMessage())
                            + " while reading a cached value. If the class is yours, add its package to "
                            + "dragonfly.cache.allowed-packages (allowed now: " + allowList + ")",
                    e);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new ValueSerializationException("Cannot read a cached value: " + e, e);
        } finally {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(ObjectInputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Reads from a byte array: nothing to release.
            }
        }
    }

    @Override
    public String toString() {
        return "jdk(" + allowList + ")";
    }

    /**
     * Checks each class name before resolving it, with the application's class loader, and
     * remembers the class it refused for the error message (the JDK's filter error names none).
     */
    private final class AllowListObjectInputStream extends ObjectInputStream {

        private String refused;

        AllowListObjectInputStream(ByteArrayInputStream in) throws IOException {
            super(in);
            ObjectInputFilter filter = allowList.asObjectInputFilter();
            setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = filter.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED) {
                    refused = info.serialClass().getName();
                }
                return status;
            });
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            String name = desc.getName();
            if (!allowList.isAllowed(name)) {
                refused = name;
                throw new InvalidClassException(name, "not in the deserialization allow-list");
            }
            try {
                return Class.forName(name, false, classLoader);
            } catch (ClassNotFoundException e) {
                // Primitive types and classes only the JDK's loader sees.
                return super.resolveClass(desc);
            }
        }
    }
}
