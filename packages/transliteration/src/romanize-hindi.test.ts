import { describe, expect, it } from 'vitest';
import { romanizeHindi } from './romanize-hindi';

// Real names as they are commonly spelt in Latin (credits, posters, press), by kind.
const NAMES: ReadonlyArray<readonly [string, string]> = [
  // the brief's own examples
  ['कमल', 'Kamal'],
  ['राजेश', 'Rajesh'],
  ['अमिताभ', 'Amitabh'],
  ['दिलवाले', 'Dilwale'],
  ['सलमान', 'Salman'],
  ['शाहरुख़', 'Shahrukh'],
  ['प्रियंका', 'Priyanka'],
  ['मुंबई', 'Mumbai'],
  // actors
  ['अमिताभ बच्चन', 'Amitabh Bachchan'],
  ['राजेश खन्ना', 'Rajesh Khanna'],
  ['अक्षय कुमार', 'Akshay Kumar'],
  ['करीना कपूर', 'Kareena Kapoor'],
  ['विद्या बालन', 'Vidya Balan'],
  ['शबाना आज़मी', 'Shabana Azmi'],
  ['इरफ़ान ख़ान', 'Irfan Khan'],
  ['ऐश्वर्या राय', 'Aishwarya Rai'],
  ['काजोल', 'Kajol'],
  ['दीपिका', 'Deepika'],
  ['धर्मेंद्र', 'Dharmendra'],
  ['हेमा मालिनी', 'Hema Malini'],
  ['सुभाष घई', 'Subhash Ghai'],
  ['सुशांत सिंह', 'Sushant Singh'],
  ['अजय देवगन', 'Ajay Devgan'],
  ['माधुरी', 'Madhuri'],
  ['रेखा', 'Rekha'],
  ['जया बच्चन', 'Jaya Bachchan'],
  ['अमरीश पुरी', 'Amrish Puri'],
  ['नीतू सिंह', 'Neetu Singh'],
  ['जसवंत सिंह', 'Jaswant Singh'],
  ['सिद्धार्थ', 'Siddharth'],
  ['राजकुमार हिरानी', 'Rajkumar Hirani'],
  ['कमला', 'Kamla'],
  ['ऋषि कपूर', 'Rishi Kapoor'],
  // characters
  ['राहुल', 'Rahul'],
  ['अंजलि', 'Anjali'],
  ['सिमरन', 'Simran'],
  ['गब्बर सिंह', 'Gabbar Singh'],
  ['बसंती', 'Basanti'],
  ['ठाकुर', 'Thakur'],
  ['जय', 'Jai'],
  ['वीरू', 'Veeru'],
  ['मुन्ना भाई', 'Munna Bhai'],
  ['पारो', 'Paro'],
  ['चंद्रमुखी', 'Chandramukhi'],
  ['विजय', 'Vijay'],
  ['पूजा', 'Pooja'],
  ['नैना', 'Naina'],
  ['गीता', 'Geeta'],
  ['कृष्ण', 'Krishna'],
  ['चांदनी', 'Chandni'],
  // film titles
  ['दिल से', 'Dil Se'],
  ['देवदास', 'Devdas'],
  ['दीवार', 'Deewar'],
  ['ज़ंजीर', 'Zanjeer'],
  ['मुग़ल-ए-आज़म', 'Mughal-E-Azam'],
  ['क़यामत से क़यामत तक', 'Qayamat Se Qayamat Tak'],
  ['कुछ कुछ होता है', 'Kuch Kuch Hota Hai'],
  ['स्वदेस', 'Swades'],
  ['जवान', 'Jawan'],
  ['दंगल', 'Dangal'],
  ['बर्फ़ी', 'Barfi'],
  ['ज़िंदगी ना मिलेगी दोबारा', 'Zindagi Na Milegi Dobara'],
  ['गंगाजल', 'Gangajal'],
  ['दिल चाहता है', 'Dil Chahta Hai'],
  // places
  ['कोलकाता', 'Kolkata'],
  ['पटना', 'Patna'],
  ['जयपुर', 'Jaipur'],
  ['गंगा', 'Ganga'],
  ['यमुना', 'Yamuna'],
  ['बनारस', 'Banaras'],
  ['आगरा', 'Agra'],
  ['अमृतसर', 'Amritsar'],
  ['हरिद्वार', 'Haridwar'],
  ['पुणे', 'Pune'],
  ['दिवाली', 'Diwali'],
];

describe('romanizeHindi', () => {
  it.each(NAMES)('%s → %s (title case)', (devanagari, latin) => {
    expect(romanizeHindi(devanagari, { case: 'title' })).toBe(latin);
  });

  it('writes dialogue in sentence case, as Netflix’s Hindi (Romanized) guide does', () => {
    expect(romanizeHindi('मानो या न मानो, मुझे सोचने दो...')).toBe('Mano ya na mano, mujhe sochne do...');
    expect(romanizeHindi('शायद कोई और रास्ता निकल आए। पर ऐसा हुआ नहीं।')).toBe('Shayad koi aur rasta nikal aaye. Par aisa hua nahi.');
    expect(romanizeHindi('मैंने ऐसा कभी भी नहीं सोचा था कि...')).toBe('Maine aisa kabhi bhi nahi socha tha ki...');
    expect(romanizeHindi('हम कल दिल्ली जाएंगे? हाँ!')).toBe('Hum kal dilli jayenge? Haan!');
  });

  it('nasals, nukta letters and clusters', () => {
    expect(romanizeHindi('चंपा में हैं', { case: 'lower' })).toBe('champa mein hain');
    expect(romanizeHindi('फ़िल्म ज़रूर ग़म', { case: 'lower' })).toBe('film zaroor gham');
    expect(romanizeHindi('अच्छा ज्ञान लड़की', { case: 'lower' })).toBe('achha gyan ladki');
    expect(romanizeHindi('चाय', { case: 'lower' })).toBe('chai');
    expect(romanizeHindi('इसलिए तुम्हें जाना चाहिए', { case: 'lower' })).toBe('isliye tumhein jana chahiye');
  });

  it('passes other scripts, digits and punctuation through', () => {
    expect(romanizeHindi('Scene 4: राहुल, “रुको!” ९० मिनट')).toBe('Scene 4: rahul, “ruko!” 90 minat');
    expect(romanizeHindi('')).toBe('');
    expect(romanizeHindi('Hello. राहुल')).toBe('Hello. Rahul');
  });

  it('accepts precomposed nukta letters (U+0958–U+095F) like the decomposed ones', () => {
    expect(romanizeHindi('\u095b\u093f\u0902\u0926\u0917\u0940')).toBe('Zindagi');
  });
});
