/** Personal data never reaches logs: masking of names, e-mails, phones, addresses and card numbers. */
package org.retailhub.security.pii;
