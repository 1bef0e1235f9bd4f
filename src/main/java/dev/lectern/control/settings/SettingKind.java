package dev.lectern.control.settings;

/**
 * A kind of runtime setting: its name in the settings history and the change-feed topic every
 * replica follows it by.
 */
public record SettingKind(String history, String topic) {}
