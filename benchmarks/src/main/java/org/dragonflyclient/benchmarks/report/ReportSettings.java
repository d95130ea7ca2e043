package org.dragonflyclient.benchmarks.report;

/**
 * What {@code run.sh} knows about the run and the report cannot find out itself.
 *
 * @param date the run's date, {@code YYYY-MM-DD}
 * @param quick whether this was the quick mode
 * @param chartFile the chart's file name, relative to the results file, or {@code null}
 * @param command the exact command that produced the results
 * @param server the server's version and settings
 * @param revision the project's commit, with {@code -dirty} for uncommitted changes
 * @param loadBefore {@code /proc/loadavg} before the run
 * @param loadAfter {@code /proc/loadavg} after the run
 * @param notes free text about this run, e.g. other work on the machine; may be empty
 */
record ReportSettings(
        String date,
        boolean quick,
        String chartFile,
        String command,
        String server,
        String revision,
        String loadBefore,
        String loadAfter,
        String notes) {}
