package com.oshun.nurture.contact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code nurture.clinic}: the clinic's time zone, used for a contact whose zone neither
 * they nor their phone number give, and the region (ISO 3166 code) whose national format
 * phone numbers without a country code are written in.
 */
@ConfigurationProperties("nurture.clinic")
public record ClinicSettings(String timeZone, String region) {

	public ClinicSettings {
		timeZone = (timeZone == null || timeZone.isBlank()) ? "America/Sao_Paulo" : timeZone.trim();
		try {
			ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException("nurture.clinic.time-zone: not an IANA time zone: " + timeZone);
		}
		region = (region == null || region.isBlank()) ? "BR" : region.trim().toUpperCase(Locale.ROOT);
		if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
			throw new IllegalArgumentException("nurture.clinic.region: not a region code like BR, US or GB: " + region);
		}
	}

	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

}
