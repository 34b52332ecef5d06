package com.oshun.nurture.contact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.stereotype.Component;

/**
 * Phone numbers as libphonenumber reads them: E.164 from whatever a person or a vendor
 * wrote (a number without a country code is read as the clinic's region writes it), and
 * the time zone a number implies.
 * <p>
 * Brazil's 9th digit: WhatsApp often names a Brazilian mobile by its old 8-digit form
 * ({@code +55 11 8765-4321}) while people and booking systems write the 9-digit one
 * ({@code +55 11 98765-4321}). As Chatwoot does, an 8-digit number starting 6-9 after the
 * area code is a mobile and gets its 9; a 9-digit mobile whose remaining 8 digits start
 * 6-9 also has that old form. Numbers are stored in the 9-digit form and looked up in
 * both ({@link #forms}). An 8-digit number starting 2-5 is a landline and is left alone,
 * so is a mobile {@code 9} followed by 1-5: without its 9 it would be someone's landline.
 */
@Component
public class Phones {

	private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

	/** What people write in a phone field: digits and separators, no words. */
	private static final Pattern WRITTEN = Pattern.compile("\\+?[\\d\\s().\\-/]{1,40}");

	private static final Pattern BRAZIL_OLD_MOBILE = Pattern.compile("([1-9]{2})([6-9]\\d{7})");

	private static final Pattern BRAZIL_MOBILE = Pattern.compile("([1-9]{2})9([6-9]\\d{7})");

	private static final int BRAZIL = 55;

	private final String region;

	public Phones(ClinicSettings clinic) {
		this.region = clinic.region();
	}

	/**
	 * The number in E.164 ({@code +5511987654321}), a Brazilian mobile in its 9-digit
	 * form; empty when the text is not a valid phone number.
	 */
	public Optional<String> parse(String text) {
		return number(text).map(number -> NUMBERS.format(number, PhoneNumberFormat.E164));
	}

	/**
	 * The time zone a number implies, when it implies exactly one ({@code +55 11}: São
	 * Paulo; a toll-free {@code +1 800} number: none).
	 */
	public Optional<ZoneId> zone(String phone) {
		return number(phone).flatMap(number -> {
			List<String> zones = PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number);
			if (zones.size() != 1 || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
				return Optional.empty();
			}
			try {
				return Optional.of(ZoneId.of(zones.get(0)));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		});
	}

	/**
	 * Every form an E.164 number is written in: itself and, for a Brazilian mobile, its
	 * form with or without the 9th digit.
	 */
	public static List<String> forms(String e164) {
		if (e164 == null) {
			return List.of();
		}
		if (e164.startsWith("+" + BRAZIL)) {
			String national = e164.substring(3);
			Matcher old = BRAZIL_OLD_MOBILE.matcher(national);
			if (old.matches()) {
				return List.of(e164, "+" + BRAZIL + old.group(1) + "9" + old.group(2));
			}
			Matcher mobile = BRAZIL_MOBILE.matcher(national);
			if (mobile.matches()) {
				return List.of(e164, "+" + BRAZIL + mobile.group(1) + mobile.group(2));
			}
		}
		return List.of(e164);
	}

	private Optional<PhoneNumber> number(String text) {
		if (text == null || !WRITTEN.matcher(text.strip()).matches()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = withNinthDigit(NUMBERS.parse(text.strip(), region));
			return NUMBERS.isValidNumber(number) ? Optional.of(number) : Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** libphonenumber knows only the 9-digit form of a Brazilian mobile. */
	private static PhoneNumber withNinthDigit(PhoneNumber number) {
		if (number.getCountryCode() != BRAZIL) {
			return number;
		}
		Matcher old = BRAZIL_OLD_MOBILE.matcher(NUMBERS.getNationalSignificantNumber(number));
		if (!old.matches()) {
			return number;
		}
		return new PhoneNumber().setCountryCode(BRAZIL)
			.setNationalNumber(Long.parseLong(old.group(1) + "9" + old.group(2)));
	}

}
