// What the card check desk says about a looked-up card at its venue, and what it may offer.
import type { CardLookup, Role } from "../api";

/**
 * The state that matters at this desk: the card's own state first (forged, blocked, expired,
 * not yet valid), then this venue's agreement and the visits left here.
 */
export type DeskState = "valid" | "noVisitsLeft" | "noAgreement" | "expired" | "notYetValid" | "blocked" | "forged";

export function deskState(r: CardLookup): DeskState {
  if (r.state !== "valid") return r.state;
  if (r.venue && !r.venue.hasAgreement) return "noAgreement";
  if (r.venue && r.venue.visitsLeft === 0) return "noVisitsLeft";
  return "valid";
}

export function deskTone(s: DeskState): "ok" | "warn" | "bad" {
  if (s === "valid") return "ok";
  if (s === "noVisitsLeft" || s === "expired" || s === "notYetValid") return "warn";
  return "bad";
}

/**
 * What registering a visit can be here: "register" when it will succeed, "override" when only
 * the culture office can register it with a written reason (no visits left, or the card is
 * outside its validity), null when nothing can be registered (forged or blocked card, no
 * agreement, no desk venue chosen).
 */
export function deskOffer(r: CardLookup, role: Role): "register" | "override" | null {
  const s = deskState(r);
  if (!r.venue?.hasAgreement) return null;
  if (s === "valid") return "register";
  if (s === "noVisitsLeft" || s === "expired" || s === "notYetValid") return role === "admin" ? "override" : null;
  return null;
}
