/**
 * The shared kernel: the few words every capability of the domain speaks (sales channel, loyalty tier, money). It
 * depends on nothing, so the capability packages ({@code order}, {@code payment}, {@code pricing}, …) can use it
 * without depending on each other.
 */
package org.retailhub.domain.shared;
