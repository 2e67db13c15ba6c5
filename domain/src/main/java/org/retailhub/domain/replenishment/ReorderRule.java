package org.retailhub.domain.replenishment;

/** Which rule decided a proposal line's quantity; stable codes for programs, see {@code docs/replenishment.md}. */
public enum ReorderRule {
    /** The supplier takes no orders today: nothing is proposed. */
    NOT_AN_ORDER_DAY,
    /** The position reaches the order-up-to level: nothing to order. */
    POSITION_COVERS,
    /** The shortfall is under half a pack and the position is above the reorder point: it waits for the next order day. */
    UNDER_HALF_A_PACK,
    /** The shortfall to the order-up-to level, rounded to the nearest whole pack. */
    ORDER_UP_TO,
    /** The position is below the reorder point: the shortfall rounded up to whole packs, so it is covered. */
    BELOW_REORDER_POINT,
    /** The rounded shortfall was below the supplier's minimum order: raised to it (whole packs). */
    MINIMUM_ORDER
}
