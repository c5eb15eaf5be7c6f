import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { connect } from './api/client'
import { App } from './app/App'
import { ApiProvider } from './app/ApiContext'
import { initI18n } from './i18n'
import './styles/app.css'
import './styles/document.css'

initI18n()
const { api, transport } = connect()
document.documentElement.dataset.transport = transport

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api}>
      <App />
    </ApiProvider>
  </StrictMode>,
)
