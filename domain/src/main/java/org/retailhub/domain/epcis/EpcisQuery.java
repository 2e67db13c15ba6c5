package org.retailhub.domain.epcis;

import java.time.Instant;

/**
 * Which events to find; every criterion given must hold.
 *
 * @param epc      an EPC in the event's list
 * @param location a read point or business location
 * @param from     event time at or after
 * @param to       event time before
 * @param limit    at most this many, oldest first
 */
public record EpcisQuery(String epc, String location, Instant from, Instant to, int limit) {
}
