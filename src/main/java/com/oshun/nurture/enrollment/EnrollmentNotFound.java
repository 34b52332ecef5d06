package com.oshun.nurture.enrollment;

import com.oshun.nurture.web.NotFound;

/**
 * No enrollment has this id.
 */
public class EnrollmentNotFound extends NotFound {

	public EnrollmentNotFound(long id) {
		super("no enrollment " + id);
	}

}
