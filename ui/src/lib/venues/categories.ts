import type { VenueCategory } from "../api";

export const CATEGORIES: VenueCategory[] = [
  "cinema",
  "swimming",
  "playLand",
  "performance",
  "courseDance",
  "courseMusic",
  "courseTheatre",
  "courseSport",
  "other",
];
