/**
 * Words never corrected into a name: common Hindi words (in Devanagari and romanized) and English words,
 * with those that sound like a name (कारण sounds as करण, "salmon" as Salman, प्रेम is love as well as
 * Prem). A text word equal to one of these is left alone even when a glossary name is a near miss.
 */
const HINDI = `है हैं था थी थे हो हूँ हूं मैं में मैंने तुम तू तूने हम हमें आप क्या क्यों नहीं ना न हाँ हां जी का की के को से ने पर तक भी ही
और या तो वो वह यह ये कौन कब कैसे कहाँ यहाँ वहाँ अब सब जब तब कल आज रात दिन दिल प्यार इश्क़ राज़ राजा रानी माँ
बाप बेटा बेटी भाई बहन दोस्त यार कारण करना कर करो करें रहा रही रहे गया गई गए हुआ हुई जा जाओ चलो सुनो देखो
अमीर सूरज सपना ख़ुशी खुशी जीत चाँदनी चांदनी आशा शांति सुंदर रोशनी ज्योति कमल किरण दीपक प्रेम पूजा अमर विजय आनंद
प्रिया श्री अरे बस बात बातें घर काम नाम पानी लोग समय वक़्त ज़िंदगी जान शहर गाँव गांव राम भगवान`;

const ROMAN_HINDI = `hai hain tha thi the ho hoon main mein maine tum tu hum humein aap kya kyun kyon nahi nahin na haan ji ka ki ke ko se ne
par tak bhi hi aur ya to toh woh wo vo yeh ye kaun kab kaise kahan yahan wahan ab sab jab tab kal aaj raat din dil pyaar pyar
ishq raaz raz raja rani maa baap beta beti bhai behen dost yaar karan kaaran karna kar karo rahi raha rahe gaya gayi gaye
hua hui ja jao chalo suno dekho amir ameer suraj sooraj sapna khushi jeet chandni asha shanti sundar roshni jyoti kamal
kiran deepak prem pooja puja amar vijay anand priya shri are arre bas baat ghar kaam naam pani log samay waqt zindagi jaan
shahar gaon ram bhagwan`;

// English words capitalised mid-sentence (titles, God) and look-alikes of glossary names; other English
// words are protected by the full word list where their case says nothing (`english-words.ts`).
const ENGLISH = `mister miss mrs mr dr sir madam god lord king queen salmon three tree free`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(`${HINDI} ${ROMAN_HINDI} ${ENGLISH}`.normalize('NFC').split(/\s+/u).filter((word) => word !== ''));

/**
 * Postpositions and particles that attach to a name (राहुलने, Rahulko, Anjaliji): the stem is corrected,
 * the clitic kept as written. Separate postpositions (राहुल को) need nothing: they are words of their own.
 */
export const CLITICS: readonly string[] = ['ने', 'को', 'का', 'की', 'के', 'से', 'में', 'पर', 'जी', 'ही', 'भी', 'तक', 'वाला', 'वाली', 'वाले', 'ne', 'ko', 'ka', 'ki', 'ke', 'se', 'mein', 'par', 'ji', 'hi', 'bhi', 'tak'];
