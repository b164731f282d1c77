import { createContext, useContext } from 'react';

/**
 * Series colours for charts, per theme. Recharts writes colours into SVG attributes, where CSS
 * variables do not apply, so the values come from here. Each meets 3:1 against its theme's surface.
 */
const LIGHT = ['#1a62c0', '#137a4b', '#b35c00', '#8a3ffc', '#b42318', '#00758f', '#6b5b00', '#c0267b', '#4a5a6a', '#2f6f3e', '#7a4f00'];
const DARK = ['#6fa8f5', '#4cc38a', '#f0a24b', '#b59aff', '#ff8a80', '#4dd0e1', '#e0c84a', '#f48fc4', '#aab8c5', '#8fd19e', '#ffcc80'];

export interface ChartTheme {
  series: readonly string[];
  ink: string;
  grid: string;
  surface: string;
}

export const chartTheme = (theme: 'light' | 'dark'): ChartTheme =>
  theme === 'dark'
    ? { series: DARK, ink: '#d7e0ea', grid: '#3a4a5a', surface: '#1b2733' }
    : { series: LIGHT, ink: '#14212e', grid: '#dfe5eb', surface: '#ffffff' };

export const ChartThemeContext = createContext<ChartTheme>(chartTheme('light'));
export const useChartTheme = () => useContext(ChartThemeContext);
