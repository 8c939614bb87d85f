"""livebrief."""
