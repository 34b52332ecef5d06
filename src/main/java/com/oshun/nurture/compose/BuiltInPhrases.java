package com.oshun.nurture.compose;

import java.util.Map;

/**
 * The built-in composer's wording, one line per step objective and language.
 * {@code {when}} is the missed appointment's day ({@link MissedDay#words}).
 */
final class BuiltInPhrases {

	private static final Map<String, String> EN = Map.ofEntries(
			Map.entry("_story", "One of our patients shared this: {item}"),
			Map.entry("_offer", "Right now: {item} Valid until {until}."), Map.entry("_procedure", "In short: {item}"),
			Map.entry("_faq", "A question we often hear: {item}"), Map.entry("_link", "You can book here: {item}"),
			Map.entry("_topic_price",
					"You asked about the cost: the consultation gives you an exact quote, with no commitment."),
			Map.entry("_topic_pain",
					"About your worry about pain: most patients feel only a quick pinch, and we go gently."),
			Map.entry("_topic_downtime",
					"On recovery, which you asked about: most people go straight back to their day."),
			Map.entry("_topic_results",
					"On results, which you asked about: we aim for a natural look and talk through what to expect in your case."),
			Map.entry("_topic_time", "We know your time is tight, so we can fit around your schedule."),
			Map.entry("_there", "there"), Map.entry("_treatment", "your treatment"),
			Map.entry("_price_sensitive",
					"No pressure at all: if cost is on your mind, we are happy to talk through the value and the ways to spread payments."),
			Map.entry("info",
					"Hi {name}, you asked us about {procedure}. Happy to answer anything: how it works, how long it takes and what to expect afterwards. Just reply here."),
			Map.entry("social_proof",
					"Hi {name}, many of our patients asked the same questions about {procedure} before their first visit. If it helps, we can share how their first session went."),
			Map.entry("offer",
					"Hi {name}, we have a few openings for {procedure} consultations in the coming days. Would you like us to hold one for you?"),
			Map.entry("education",
					"Hi {name}, a short note on {procedure}: a consultation is the best place to see whether it suits you, with no commitment. Any question is welcome."),
			Map.entry("nudge",
					"Hi {name}, shall we book your {procedure} consultation? Reply with a day that suits you and we will take care of the rest."),
			Map.entry("reschedule",
					"Hi {name}, we missed you at your {procedure} appointment{when}. No problem at all: reply here and we will find a new time that works for you."),
			Map.entry("availability",
					"Hi {name}, we have openings this week for your {procedure} appointment. Would a morning or an afternoon suit you better?"),
			Map.entry("reassure",
					"Hi {name}, if anything held you back from your {procedure} appointment (time, cost or nerves), tell us. We are happy to talk it through."),
			Map.entry("we_miss_you",
					"Hi {name}, it has been a while since your {procedure}. We hope you are well and we would love to see you again."),
			Map.entry("maintenance",
					"Hi {name}, results from {procedure} fade gradually over time. A top-up at the right moment keeps them looking natural. Want us to check when yours is due?"),
			Map.entry("returning_offer",
					"Hi {name}, as a returning patient you can book your next {procedure} session at a time that suits you. Shall we find a slot?"),
			Map.entry("check_in",
					"Hi {name}, just checking in. How have you been since your last {procedure}? We are here whenever you need us."),
			Map.entry("drip",
					"Hi {name}, a quick hello from the clinic. If you ever want to talk about {procedure} or anything else, we are one message away."));

	private static final Map<String, String> ES = Map.ofEntries(
			Map.entry("_story", "Uno de nuestros pacientes nos contó esto: {item}"),
			Map.entry("_offer", "Ahora mismo: {item} Válido hasta el {until}."),
			Map.entry("_procedure", "En resumen: {item}"),
			Map.entry("_faq", "Una pregunta que nos hacen a menudo: {item}"),
			Map.entry("_link", "Puedes reservar aquí: {item}"),
			Map.entry("_topic_price",
					"Nos preguntaste por el precio: en la consulta te damos un presupuesto exacto, sin compromiso."),
			Map.entry("_topic_pain",
					"Sobre tu preocupación por el dolor: la mayoría solo nota un pequeño pinchazo y vamos con calma."),
			Map.entry("_topic_downtime",
					"Sobre la recuperación que nos preguntaste: la mayoría vuelve a su día enseguida."),
			Map.entry("_topic_results",
					"Sobre los resultados que nos preguntaste: buscamos un aspecto natural y te explicamos qué esperar en tu caso."),
			Map.entry("_topic_time", "Sabemos que vas justo de tiempo, así que nos adaptamos a tu agenda."),
			Map.entry("_there", "hola"), Map.entry("_treatment", "tu tratamiento"),
			Map.entry("_price_sensitive",
					"Sin ninguna prisa: si el coste te preocupa, te contamos con gusto el valor y las formas de repartir el pago."),
			Map.entry("info",
					"Hola {name}, nos preguntaste por {procedure}. Estaremos encantados de resolver tus dudas: cómo funciona, cuánto dura y qué esperar después. Responde aquí."),
			Map.entry("social_proof",
					"Hola {name}, muchos de nuestros pacientes tenían las mismas dudas sobre {procedure} antes de su primera visita. Si te ayuda, te contamos cómo les fue."),
			Map.entry("offer",
					"Hola {name}, tenemos algunos huecos para consultas de {procedure} en los próximos días. ¿Quieres que te reservemos uno?"),
			Map.entry("education",
					"Hola {name}, una nota breve sobre {procedure}: la consulta es el mejor lugar para ver si es para ti, sin compromiso. Pregúntanos lo que quieras."),
			Map.entry("nudge",
					"Hola {name}, ¿reservamos tu consulta de {procedure}? Respóndenos con el día que mejor te venga y nos encargamos del resto."),
			Map.entry("reschedule",
					"Hola {name}, te echamos de menos en tu cita de {procedure}{when}. No pasa nada: responde aquí y buscamos una nueva hora que te venga bien."),
			Map.entry("availability",
					"Hola {name}, esta semana tenemos huecos para tu cita de {procedure}. ¿Te viene mejor por la mañana o por la tarde?"),
			Map.entry("reassure",
					"Hola {name}, si algo te frenó para tu cita de {procedure} (tiempo, coste o nervios), cuéntanoslo. Lo hablamos con calma."),
			Map.entry("we_miss_you",
					"Hola {name}, hace tiempo desde tu {procedure}. Esperamos que estés bien y nos encantaría volver a verte."),
			Map.entry("maintenance",
					"Hola {name}, los resultados de {procedure} se van suavizando con el tiempo. Un retoque en el momento adecuado los mantiene naturales. ¿Miramos cuándo te toca?"),
			Map.entry("returning_offer",
					"Hola {name}, como paciente habitual puedes reservar tu próxima sesión de {procedure} cuando mejor te venga. ¿Buscamos un hueco?"),
			Map.entry("check_in",
					"Hola {name}, solo queríamos saber de ti. ¿Qué tal desde tu último {procedure}? Aquí estamos para lo que necesites."),
			Map.entry("drip",
					"Hola {name}, un saludo desde la clínica. Si algún día quieres hablar de {procedure} o de cualquier otra cosa, estamos a un mensaje."));

	private static final Map<String, String> PT = Map.ofEntries(
			Map.entry("_story", "Um dos nossos pacientes compartilhou isto: {item}"),
			Map.entry("_offer", "Neste momento: {item} Válido até {until}."),
			Map.entry("_procedure", "Resumindo: {item}"), Map.entry("_faq", "Uma pergunta que ouvimos muito: {item}"),
			Map.entry("_link", "Você pode agendar aqui: {item}"),
			Map.entry("_topic_price",
					"Você perguntou sobre o valor: na consulta passamos um orçamento exato, sem compromisso."),
			Map.entry("_topic_pain", "Sobre o seu receio de dor: a maioria sente só uma picadinha e vamos com calma."),
			Map.entry("_topic_downtime",
					"Sobre a recuperação que você perguntou: a maioria volta à rotina no mesmo dia."),
			Map.entry("_topic_results",
					"Sobre os resultados que você perguntou: buscamos um aspecto natural e explicamos o que esperar no seu caso."),
			Map.entry("_topic_time", "Sabemos que seu tempo é corrido, então nos adaptamos à sua agenda."),
			Map.entry("_there", "olá"), Map.entry("_treatment", "seu tratamento"),
			Map.entry("_price_sensitive",
					"Sem nenhuma pressão: se o custo preocupa, explicamos com prazer o valor e as formas de dividir o pagamento."),
			Map.entry("info",
					"Oi {name}, você nos perguntou sobre {procedure}. Ficamos felizes em tirar suas dúvidas: como funciona, quanto tempo leva e o que esperar depois. É só responder aqui."),
			Map.entry("social_proof",
					"Oi {name}, muitos dos nossos pacientes tinham as mesmas dúvidas sobre {procedure} antes da primeira visita. Se ajudar, contamos como foi para eles."),
			Map.entry("offer",
					"Oi {name}, temos alguns horários para consultas de {procedure} nos próximos dias. Quer que a gente reserve um para você?"),
			Map.entry("education",
					"Oi {name}, uma nota rápida sobre {procedure}: a consulta é o melhor lugar para ver se é para você, sem compromisso. Pode perguntar o que quiser."),
			Map.entry("nudge",
					"Oi {name}, vamos agendar sua consulta de {procedure}? Responda com o dia que for melhor e cuidamos do resto."),
			Map.entry("reschedule",
					"Oi {name}, sentimos sua falta na consulta de {procedure}{when}. Sem problema: responda aqui e encontramos um novo horário que funcione para você."),
			Map.entry("availability",
					"Oi {name}, temos horários esta semana para sua consulta de {procedure}. Prefere de manhã ou à tarde?"),
			Map.entry("reassure",
					"Oi {name}, se algo impediu você de vir à consulta de {procedure} (tempo, custo ou receio), conte para a gente. Conversamos com calma."),
			Map.entry("we_miss_you",
					"Oi {name}, já faz um tempo desde o seu {procedure}. Esperamos que esteja bem e adoraríamos ver você de novo."),
			Map.entry("maintenance",
					"Oi {name}, os resultados de {procedure} diminuem aos poucos com o tempo. Um retoque na hora certa mantém tudo natural. Quer que a gente veja quando é o seu?"),
			Map.entry("returning_offer",
					"Oi {name}, como paciente da casa você pode agendar sua próxima sessão de {procedure} no horário que preferir. Vamos achar um horário?"),
			Map.entry("check_in",
					"Oi {name}, passando para saber de você. Como está desde o último {procedure}? Estamos aqui quando precisar."),
			Map.entry("drip",
					"Oi {name}, um abraço da clínica. Se quiser conversar sobre {procedure} ou qualquer outra coisa, estamos a uma mensagem de distância."));

	private BuiltInPhrases() {
	}

	static Map<String, String> forLanguage(String language) {
		return switch (language) {
			case "es" -> ES;
			case "pt" -> PT;
			default -> EN;
		};
	}

}
