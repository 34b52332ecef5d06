package com.oshun.nurture.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard is static HTML and JS under {@code /dashboard/}; its data comes from the
 * admin API with the token the staff member logs in with. The service's root leads to it,
 * as a person opening the service expects.
 */
@Controller
class DashboardController {

	@GetMapping({ "/", "/dashboard", "/dashboard/" })
	String dashboard() {
		return "redirect:/dashboard/index.html";
	}

}
