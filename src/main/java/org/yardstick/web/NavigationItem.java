package org.yardstick.web;

/** A link a module adds to the layout's account bar: where it goes and the message key of its text. */
public record NavigationItem(String href, String messageKey) {}
