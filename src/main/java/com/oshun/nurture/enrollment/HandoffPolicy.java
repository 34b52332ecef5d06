package com.oshun.nurture.enrollment;

/**
 * Where the hand-off settings come from: the configuration ({@link HandoffSettings}
 * itself) in the application; a test may switch them.
 */
public interface HandoffPolicy {

	HandoffSettings current();

}
