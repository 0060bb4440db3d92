/** The supervision pages: item list and page, report form, notifications, scoreboards and their export. */
@org.jspecify.annotations.NullMarked
package org.yardstick.supervision.web;
