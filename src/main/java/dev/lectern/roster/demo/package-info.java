/** A small generated district loaded into an empty roster when {@code LECTERN_DEMO_DATA=true}. */
package dev.lectern.roster.demo;
