import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Passage',
    short_name: 'Passage',
    description: 'Learn an article: quizzes, spaced-repetition flashcards and classroom links.',
    start_url: '/',
    display: 'standalone',
    background_color: '#f8f7f3',
    theme_color: '#1d4ed8',
    icons: [
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/apple-icon.png', sizes: '180x180', type: 'image/png' },
    ],
  };
}
