/**
 * Hindi words whose common Latin spelling the letter rules do not give, as Netflix's Hindi (Romanized)
 * style guide writes them ("Bas do aur mahine bache hain.", "...par aisa hua nahi.") and as chat and film
 * titles do: short function words mostly. Keys are NFC without nukta differences that matter.
 */
export const WORD_SPELLINGS: Readonly<Record<string, string>> = {
  आ: 'aa',
  माँ: 'maa',
  मां: 'maa',
  हाँ: 'haan',
  हां: 'haan',
  नहीं: 'nahi',
  में: 'mein',
  हम: 'hum',
  हमें: 'humein',
  वो: 'woh',
  वह: 'woh',
  यह: 'yeh',
  ये: 'ye',
  हूँ: 'hoon',
  हूं: 'hoon',
  क्यों: 'kyun',
  क्यूँ: 'kyun',
  क्यूं: 'kyun',
  श्री: 'shri',
};
