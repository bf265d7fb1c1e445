/**
 * Which sheet is which: the sheet number and title read from the title block, and the pairing of old and
 * new sheets by identity (sheet number first, then content), never by page order.
 */
package com.buildtrace.sheets;
