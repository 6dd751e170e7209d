// Reading burned-in subtitles back with Tesseract OCR, for tests.
export { normalizeText, readFrameText, textSimilarity } from './read-frame-text';
