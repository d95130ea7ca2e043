package org.dragonflyclient.spring.e2e;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/** The application the end-to-end tests run: nothing but the starter and a cached service. */
@SpringBootApplication
@EnableCaching
public class BookstoreApplication {}
