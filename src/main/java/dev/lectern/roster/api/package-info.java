/** The OneRoster 1.2 rostering REST endpoints: thin resources over the roster query service. */
package dev.lectern.roster.api;
