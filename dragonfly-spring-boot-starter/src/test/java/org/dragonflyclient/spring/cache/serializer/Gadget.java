package org.dragonflyclient.spring.cache.serializer;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** Stands for a class an attacker would like to see deserialized: it records whether any of its code ran. */
public class Gadget implements Serializable {

    private static final long serialVersionUID = 1L;

    static volatile boolean initialized;
    static volatile boolean readObjectRan;

    static {
        initialized = true;
    }

    public String payload = "boom";

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        readObjectRan = true;
        in.defaultReadObject();
    }
}
